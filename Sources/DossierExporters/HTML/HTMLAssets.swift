/// The style sheet and script every report page carries inline, so a page needs no network.
///
/// Colours keep text at a contrast of at least 4.5:1 (dark text on light highlight colours); each
/// layer is drawn differently (claims and quotes as backgrounds, entities underlined, sources and
/// findings outlined) so nested highlights stay distinguishable, and a hidden layer loses all its
/// drawing. Layers are toggled by checkboxes through CSS `:has()`, and by the script for browsers
/// without it. The script also sorts tables whose header cells hold a button, and marks the page
/// `data-ready="1"` when it ran to the end, which the browser check looks for.
enum HTMLAssets {
    /// The layers a report highlights, in toggle order, with their labels.
    static let layers: [(id: String, label: String)] = [
        ("claims", "Claims"), ("quotes", "Quotes"), ("entities", "Names"), ("sources", "Sources"), ("findings", "Framing and findings"),
    ]

    /// The style sheet.
    static let css: String = {
        var css = """
            :root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--accent:#0b4f9c;--paper:#fff;--soft:#f4f5f7;
            --claim:#fff0a0;--unsourced:#ffdcd6;--red:#a4231a;--quote:#d7e7ff;--entity:#6b3fa0;--source:#17753a;--finding:#b4410b}
            *{box-sizing:border-box}
            body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif}
            a{color:var(--accent)}
            :focus-visible{outline:3px solid #1a56db;outline-offset:2px}
            .skip{position:absolute;left:-999px;top:0;background:var(--paper);padding:.5rem 1rem;z-index:2}
            .skip:focus{left:.5rem}
            .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            .report-bar{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;padding:.6rem 1.25rem;border-bottom:1px solid var(--line);background:var(--soft)}
            .report-bar p{margin:0;font-weight:600}
            .report-bar nav a{margin-right:1rem}
            main{max-width:84rem;margin:0 auto;padding:1rem 1.25rem 2rem}
            .report-foot{max-width:84rem;margin:0 auto;padding:1rem 1.25rem;color:var(--muted);font-size:.875rem;border-top:1px solid var(--line)}
            article.dossier+article.dossier{margin-top:3rem;padding-top:2rem;border-top:3px solid var(--line)}
            .article-head h1{font-size:1.8rem;line-height:1.25;margin:.5rem 0}
            .meta,.trace{color:var(--muted);margin:.25rem 0}
            .trace code{font-size:.85em;overflow-wrap:anywhere}
            .figures{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;padding:0}
            .figures div{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.35rem .7rem;min-width:7rem}
            .figures dt{font-size:.8rem;color:var(--muted)}
            .figures dd{margin:0;font-size:1.25rem;font-weight:600}
            .columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:2rem;align-items:start}
            .text .body{max-width:42rem;overflow-wrap:break-word}
            .text h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
            .lede{font-size:1.1rem;font-weight:500}
            .byline,.dateline,.caption,.list-label{color:var(--muted)}
            blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--line);background:var(--soft)}
            blockquote.post p{white-space:pre-line}
            fieldset.layers{min-width:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:0 0 1rem}
            fieldset.layers legend{font-weight:600;padding:0 .25rem}
            fieldset.layers label{display:inline-flex;gap:.35rem;align-items:center;cursor:pointer;min-height:2rem}
            fieldset.layers input{width:1.1rem;height:1.1rem}
            .swatch{display:inline-block;width:1.4rem;height:1rem;border-radius:2px}
            mark{background:none;color:inherit}
            mark.hl-claims,.sw-claims{background:var(--claim)}
            mark.hl-claims.unsourced{background:var(--unsourced);box-shadow:0 2px 0 var(--red)}
            mark.hl-quotes,.sw-quotes{background:var(--quote)}
            mark.hl-entities{text-decoration:underline 2px var(--entity);text-underline-offset:3px}
            .sw-entities{border-bottom:3px solid var(--entity)}
            mark.hl-sources,.sw-sources{outline:2px solid var(--source);border-radius:2px}
            mark.hl-findings,.sw-findings{outline:2px dashed var(--finding);outline-offset:2px}
            mark.hl-findings.vague{outline-color:var(--red)}
            .panel{border-left:1px solid var(--line);padding-left:1.5rem}
            .panel h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
            .panel h2:first-child{margin-top:0}
            .panel ol,.panel ul{padding-left:1.25rem}
            .summary{color:var(--muted);margin:.25rem 0 .75rem}
            ol.claims{list-style:none;padding:0;margin:0}
            .claim-row{border:1px solid var(--line);border-left:5px solid #c7a500;border-radius:6px;padding:.6rem .8rem;margin:0 0 .75rem;break-inside:avoid}
            .claim-row.unsourced{border-left-color:var(--red)}
            .claim-row:target{box-shadow:0 0 0 3px #1a56db}
            .claim-head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 .35rem}
            .score{font-weight:700;font-variant-numeric:tabular-nums}
            .kind{border:1px solid var(--line);border-radius:999px;padding:0 .5rem;font-size:.85rem}
            .badge{border-radius:999px;padding:0 .5rem;font-size:.85rem;font-weight:600;color:#fff;background:var(--red)}
            .badge.vague{background:var(--finding)}
            .claim-text{margin:.25rem 0}
            .claim-facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0 0;font-size:.92rem}
            .claim-facts dt{color:var(--muted)}
            .claim-facts dd{margin:0}
            .claim-facts ul{margin:0;padding-left:1rem}
            .reasons .down{color:var(--muted)}
            .sev{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em}
            .sev-warning .sev{color:var(--red)}
            .sev-notice .sev{color:var(--finding)}
            code{font-family:ui-monospace,"Liberation Mono",monospace}
            table{border-collapse:collapse;width:100%;font-size:.92rem}
            th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            th button{font:inherit;font-weight:600;background:none;border:0;padding:.2rem 0;cursor:pointer;color:inherit;text-align:inherit}
            th[aria-sort=ascending] button::after{content:" \\25B2"}
            th[aria-sort=descending] button::after{content:" \\25BC"}
            .table-wrap{overflow-x:auto}
            @media (max-width:52rem){.columns{grid-template-columns:minmax(0,1fr)}.panel{border-left:0;padding-left:0;border-top:1px solid var(--line);padding-top:1rem}
            .article-head h1{font-size:1.45rem}main{padding:.75rem}}
            @media print{.skip,fieldset.layers,.report-bar nav,.claim-text a::after{display:none}
            body{font-size:11pt}main{max-width:none;padding:0}.columns{display:block}.panel{border:0;padding:0}
            a{color:inherit;text-decoration:none}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            .claim-row,.figures div,tr{break-inside:avoid}article.dossier+article.dossier{break-before:page;border:0}
            th button::after{content:none!important}}

            """
        for (layer, _) in layers {
            // Two rules, not one list: a browser without :has() would drop the whole list.
            let off = "{background:none;box-shadow:none;outline:none;text-decoration:none}\n"
            css += ".dossier.off-\(layer) mark.hl-\(layer)\(off)"
            css += ".dossier:has(input[data-layer=\(layer)]:not(:checked)) mark.hl-\(layer)\(off)"
        }
        return css
    }()

    /// The script.
    static let script = """
        (function(){"use strict";
        document.querySelectorAll("fieldset.layers input[data-layer]").forEach(function(box){
        var article=box.closest(".dossier");if(!article)return;
        function apply(){article.classList.toggle("off-"+box.getAttribute("data-layer"),!box.checked);}
        box.addEventListener("change",apply);apply();});
        document.querySelectorAll("table.sortable").forEach(function(table){
        var heads=table.querySelectorAll("thead th");
        heads.forEach(function(th,column){var button=th.querySelector("button");if(!button)return;
        button.addEventListener("click",function(){
        var ascending=th.getAttribute("aria-sort")!=="ascending";
        heads.forEach(function(other){other.removeAttribute("aria-sort");});
        th.setAttribute("aria-sort",ascending?"ascending":"descending");
        var numeric=th.getAttribute("data-type")==="number";var body=table.tBodies[0];
        function key(row){var cell=row.cells[column];var v=cell.getAttribute("data-sort");if(v===null)v=cell.textContent.trim();
        if(!numeric)return v.toLowerCase();var n=parseFloat(v);return isNaN(n)?-Infinity:n;}
        var rows=Array.prototype.slice.call(body.rows).map(function(row,i){return{row:row,key:key(row),i:i};});
        rows.sort(function(a,b){var c=a.key<b.key?-1:a.key>b.key?1:0;if(!ascending)c=-c;return c||a.i-b.i;});
        rows.forEach(function(r){body.appendChild(r.row);});});});});
        document.documentElement.setAttribute("data-ready","1");})();

        """
}
