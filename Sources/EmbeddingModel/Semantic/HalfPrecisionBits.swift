extension Float {
    /// The value of an IEEE 754 binary16 number given as its bit pattern, exactly.
    ///
    /// EMBSEM06 files store their weights at 16 bits. Swift's `Float16` is unavailable on
    /// macOS for Intel, one of the platforms the package builds for, so the conversion is
    /// spelled out: every binary16 value, subnormals, infinities and NaN included, is a
    /// `Float`.
    init(halfPrecisionBits bits: UInt16) {
        let sign: UInt32 = UInt32(bits >> 15) << 31
        let exponent = UInt32(bits >> 10) & 0x1F
        let fraction = UInt32(bits) & 0x3FF
        switch exponent {
        case 0:
            // Zero or subnormal: fraction · 2^-24, which a Float holds exactly.
            let magnitude = Float(fraction) * 0x1p-24
            self = sign == 0 ? magnitude : -magnitude
        case 0x1F:
            self = Float(bitPattern: sign | 0x7F80_0000 | fraction << 13)
        default:
            self = Float(bitPattern: sign | (exponent + 112) << 23 | fraction << 13)
        }
    }
}
