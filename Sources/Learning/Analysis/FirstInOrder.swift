extension RandomAccessCollection {
    /// The positions of the first `count` elements that a stable sort by `areInIncreasingOrder`
    /// would put first, in that order, of those `isIncluded` keeps.
    ///
    /// A report shows the first few of tens of thousands of open chains; keeping the few in order
    /// as the elements pass costs a comparison an element, where sorting them all moved every one.
    func positions(
        ofFirst count: Int,
        where isIncluded: (Element) -> Bool,
        by areInIncreasingOrder: (Element, Element) -> Bool
    ) -> [Index] {
        guard count > 0 else { return [] }
        var kept: [Index] = []
        kept.reserveCapacity(count + 1)
        for index in indices where isIncluded(self[index]) {
            if kept.count == count, !areInIncreasingOrder(self[index], self[kept[kept.count - 1]]) { continue }
            // After every kept element it does not come before, as a stable sort places it.
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(self[index], self[kept[middle]]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(index, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
