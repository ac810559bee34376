extension String {
  /// Whether `needle` occurs in this string, compared as UTF-8 bytes (exact, no Unicode folding).
  /// Foundation's `String.contains(_:)` folds grapheme clusters through CFString and was a third of a check's
  /// time; the texts compared here (residue words, glossary terms) are matched as typed.
  public func containsBytes(_ needle: String) -> Bool {
    var h = self, n = needle
    return h.withUTF8 { hb in
      n.withUTF8 { nb in
        guard nb.count <= hb.count, let first = nb.first else { return nb.isEmpty }
        var i = 0
        let last = hb.count - nb.count
        while i <= last {
          if hb[i] == first {
            var j = 1
            while j < nb.count && hb[i + j] == nb[j] { j += 1 }
            if j == nb.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }
}
