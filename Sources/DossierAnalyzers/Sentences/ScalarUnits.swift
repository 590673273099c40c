import DossierCore

/// The code units of a `ScalarBuffer` of one width, read as Unicode scalars without a width
/// switch: the sentence scanner is specialised for each of the three unit types.
struct ScalarUnits<Unit: FixedWidthInteger & UnsignedInteger>: RandomAccessCollection {
    let units: ScalarBuffer.Units<Unit>

    init(_ units: ScalarBuffer.Units<Unit>) { self.units = units }

    var startIndex: Int { 0 }
    var endIndex: Int { units.count }

    subscript(i: Int) -> Unicode.Scalar {
        // The view gives scalar values, out-of-line ones included.
        units.scalar(at: i)
    }

    func index(after i: Int) -> Int { i + 1 }
    func index(before i: Int) -> Int { i - 1 }
}
