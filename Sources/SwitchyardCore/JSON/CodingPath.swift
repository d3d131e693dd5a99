/// A coding path as a linked list, so that nested decoding and encoding share their parents' paths instead of
/// copying an array of keys at every level; the array is only built when an error or a caller asks for it.
indirect enum CodingPath: Sendable {
    /// One step of a path.
    enum Component: Sendable {
        /// An object member, spelled as in the JSON.
        case name(String)
        /// An array element.
        case index(Int)
    }

    /// The empty path.
    case root
    /// A path one step below `parent`.
    case child(CodingPath, Component)

    /// This path one step further down.
    func appending(_ component: Component) -> CodingPath {
        .child(self, component)
    }

    /// The path as coding keys, outermost first. Array elements are keys with an `intValue` and the
    /// `stringValue` `Index N`, as Foundation's coders spell them.
    var keys: [any CodingKey] {
        var reversed: [any CodingKey] = []
        var node = self
        while case .child(let parent, let component) = node {
            reversed.append(component.codingKey)
            node = parent
        }
        return reversed.reversed()
    }

    /// The path as coding keys, with one more step at the end.
    func keys(appending component: Component) -> [any CodingKey] {
        keys + [component.codingKey]
    }
}

extension CodingPath.Component {
    /// The step as a coding key.
    var codingKey: any CodingKey {
        switch self {
        case .name(let name): AnyCodingKey(name)
        case .index(let index): IndexCodingKey(index: index)
        }
    }
}

/// An array position in a coding path: `intValue` is the index, `stringValue` is `Index N`.
struct IndexCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    init?(stringValue: String) {
        return nil
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }
}

/// Where a value sits: a parent path and, for a value read straight from a container, its last step. The path
/// node for that step is only made when a nested decoder or an error needs it.
struct CodingLocation {
    let parent: CodingPath
    let last: CodingPath.Component?

    init(_ path: CodingPath) {
        self.parent = path
        self.last = nil
    }

    init(_ parent: CodingPath, _ last: CodingPath.Component) {
        self.parent = parent
        self.last = last
    }

    /// The full path.
    var path: CodingPath {
        if let last { return parent.appending(last) }
        return parent
    }

    /// The full path as coding keys.
    var keys: [any CodingKey] { path.keys }
}
