import Foundation

/// A growable byte buffer that becomes `Data` without a copy (the `Data` takes over the `malloc`ed memory).
///
/// Hand-written: `[UInt8]` would need a second copy into `Data`, and appending to `Data` byte by byte is slow.
struct JSONOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        let capacity = max(capacity, 64)
        guard let memory = malloc(capacity) else { fatalError("JSONOutput: out of memory allocating \(capacity) bytes") }
        self.base = memory.assumingMemoryBound(to: UInt8.self)
        self.capacity = capacity
    }

    deinit {
        free(base)
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(to: count &+ extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity = newCapacity < (1 << 20) ? newCapacity &* 2 : newCapacity &+ newCapacity / 2 }
        guard let memory = realloc(base, newCapacity) else {
            fatalError("JSONOutput: out of memory growing to \(newCapacity) bytes")
        }
        base = memory.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Appends bytes that fit in the reserved room (the caller reserved them).
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count &+= length
    }

    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// The bytes, handed to `Data` without copying.
    consuming func data() -> Data {
        let result = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return result
    }

    /// The bytes as an array (one copy).
    borrowing func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
