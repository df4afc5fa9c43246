import Foundation

/// Files written by numpy 2.4 (np.save, np.lib.format.write_array, np.savez, np.savez_compressed),
/// base64-encoded so the tests need no Python. The comment above each gives the numpy call.
enum NumpyMadeFiles {
    /// np.save(np.arange(6, dtype='<f4').reshape(2, 3) * 0.5)
    static let float32Matrix = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAPwAAgD8AAMA/AAAAQAAAIEA=")
    /// np.save(np.asfortranarray(np.arange(6, dtype='<f8').reshape(2, 3) + 0.25))
    static let float64Fortran = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADQPwAAAAAAAApAAAAAAAAA9D8AAAAAAAARQAAAAAAAAAJAAAAAAAAAFUA=")
    /// np.save(np.array([1.5, -2, 65504, 0.0001], dtype='<f2'))
    static let float16Vector = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGYyJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAPgDA/3uOBg==")
    /// np.save(np.array([1.25, -3], dtype='>f4'))
    static let float32BigEndian = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPmY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/oAAAwEAAAA==")
    /// np.save(np.array([-5, 7, 1 << 40], dtype='<i8'))
    static let int64Vector = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr7/////////wcAAAAAAAAAAAAAAAABAAA=")
    /// np.save(np.array([-1, 123456], dtype='<i4'))
    static let int32Vector = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr/////QOIBAA==")
    /// np.save(np.array([0, 128, 255], dtype='u1'))
    static let uint8Vector = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAgP8=")
    /// np.save(np.array([True, False, True]))
    static let boolVector = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAE=")
    /// np.save(np.float32(-7.5))
    static let float32Scalar = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAPDA")
    /// np.lib.format.write_array(np.array([1, 2, 3], dtype='<f4'), version=(2, 0))
    static let float32Version2 = decode("k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAQAAAQEA=")
    /// np.save(np.asfortranarray(np.arange(12, dtype='<f4').reshape(2, 3, 2)))
    static let float32Fortran3D = decode("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMywgMiksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADAQAAAAEAAAABBAACAQAAAIEEAAIA/AADgQAAAQEAAABBBAACgQAAAMEE=")
    /// np.savez(w=np.arange(6, dtype=np.float32).reshape(1, 2, 3))
    static let savezLatent = decode("UEsDBC0AAAAAAAAAIQCpfI0r//////////8FABQAdy5ucHkBABAAmAAAAAAAAACYAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgxLCAyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAAgD8AAABAAABAQAAAgEAAAKBAUEsBAi0DLQAAAAAAAAAhAKl8jSuYAAAAmAAAAAUAAAAAAAAAAAAAAIABAAAAAHcubnB5UEsFBgAAAAABAAEAMwAAAM8AAAAAAA==")
    /// np.savez_compressed(a=np.zeros((10, 10), np.float32), b=np.array([1, 2], np.float64))
    static let savezCompressed = decode("UEsDBC0AAAAIAAAAIQD4ziyR//////////8FABQAYS5ucHkBABAAEAIAAAAAAABNAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GoYGOgqGBpo6CrUKZAIuhlEwqAAAUEsDBC0AAAAIAAAAIQBkW6q///////////8FABQAYi5ucHkBABAAkAAAAAAAAABMAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqGuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6mjoKtQoUAC4GMPhgD6EZHABQSwECLQMtAAAACAAAACEA+M4skU0AAAAQAgAABQAAAAAAAAAAAAAAgAEAAAAAYS5ucHlQSwECLQMtAAAACAAAACEAZFuqv0wAAACQAAAABQAAAAAAAAAAAAAAgAGEAAAAYi5ucHlQSwUGAAAAAAIAAgBmAAAABwEAAAAA")

    private static func decode(_ base64: String) -> [UInt8] {
        // The literals above are constants of this file; a decoding failure is a typo, reported by the tests as empty data.
        [UInt8](Data(base64Encoded: base64) ?? Data())
    }
}
