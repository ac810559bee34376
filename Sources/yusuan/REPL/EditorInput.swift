import Foundation
import Walk
import LineEditor
import YusuanCore

/// The terminal: libedit through LineEditor (history per workbook, TAB completion, CJK-aware editing).
final class EditorInput: InputSource {
  /// Set once the session exists; read by the completer, which libedit calls only from inside `readLine`
  /// on this same thread, so the unchecked sharing is sound.
  nonisolated(unsafe) var completion: ReplCompletion?
  private var editor: LineEditor!

  init(historyFile: String?, catalog: Catalog?, forms: FormsLibrary) {
    nonisolated(unsafe) let box = self
    editor = LineEditor(
      historyFile: historyFile,
      completer: { line, cursor in
        guard let c = box.completion else { return .none }
        let start = LineEditor.wordStart(in: line, cursor: cursor)
        let chars = Array(line)
        let word = String(chars[min(start, chars.count)..<min(cursor, chars.count)])
        let before = String(chars[0..<min(cursor, chars.count)])
        let hits = c.candidates(line: before, word: word)
        return Completion(start: start, candidates: hits.map { Completion.Candidate($0, display: c.display($0)) })
      })
  }

  func read(prompt: String, initialText: String?) -> InputEvent {
    switch editor.readLine(prompt: prompt, initialText: initialText) {
    case .line(let s): return .line(s)
    case .interrupted: return .interrupted
    case .endOfInput: return .endOfInput
    }
  }

  func remember(_ line: String) { editor.add(history: line) }
}
