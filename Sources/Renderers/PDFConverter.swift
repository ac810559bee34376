// PDF through LibreOffice headless: the only free converter that lays out a docx faithfully.
//
// soffice exits 0 even when it could not load the input, so success is judged by the PDF itself.
// The document keeps the official font names (仿宋_GB2312, 方正小标宋简体 …) that are not packaged for
// Linux; a private fontconfig file maps them to Noto CJK for this process only. Each run gets its own
// profile directory, so parallel conversions do not fight over one LibreOffice user installation.
import Foundation
import YusuanCore

public enum PDFConverter {
  /// Converts a .docx to PDF in `outputDirectory` and returns the PDF's URL.
  public static func convert(docx: URL, outputDirectory: URL) throws -> URL {
    try convert(docx, outputDirectory: outputDirectory)
  }

  /// Converts any file LibreOffice opens (.docx, .xlsx, .doc, .xls, .rtf, .html …) to `outputDirectory/<name>.<ext>`:
  /// PDF by default, or `format` as soffice names it (`docx:MS Word 2007 XML`, `xlsx:Calc MS Excel 2007 XML`).
  public static func convert(_ input: URL, outputDirectory: URL, format: String = "pdf", timeout: TimeInterval = 180) throws -> URL {
    try convertWithLog(input, outputDirectory: outputDirectory, format: format, timeout: timeout).output
  }

  /// What LibreOffice printed that is not about the document: its progress line (`convert A -> B using filter : …`)
  /// and its launcher's note that Java is not installed (`failed to launch javaldx`, printed before any document is
  /// opened, for an empty text file alike: the nogui packages come without Java, which the conversion never uses).
  static func isRoutine(_ line: String) -> Bool {
    line.trimmingBlanks().isEmpty || (line.hasPrefix("convert ") && line.contains(" using filter")) || line.contains("failed to launch javaldx")
  }

  /// LibreOffice's messages about the document converted (warnings, errors): its output without the routine lines.
  public static func documentMessages(_ log: String) -> [String] {
    log.split(whereSeparator: \.isNewline).map(String.init).filter { !isRoutine($0) }
  }

  /// `convert`, also returning what LibreOffice printed (stdout and stderr).
  public static func convertWithLog(_ input: URL, outputDirectory: URL, format: String = "pdf", timeout: TimeInterval = 180) throws -> (
    output: URL, log: String
  ) {
    let ext = String(format.prefix { $0 != ":" })
    let target = ext == "pdf" ? "PDF" : "." + ext
    guard let soffice = findSoffice() else { throw RendererError.sofficeMissing }
    let fm = FileManager.default
    guard fm.fileExists(atPath: input.path) else { throw RendererError.inputMissing(input.path) }
    do {
      try fm.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    } catch {
      throw RendererError.writeFailed(path: outputDirectory.path, reason: ErrorText.describe(error))
    }
    let pdf = outputDirectory.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + ext)
    // A PDF left from an earlier run must not pass for this run's output.
    try? fm.removeItem(at: pdf)

    let work = fm.temporaryDirectory.appendingPathComponent("yusuan-soffice-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: work) }
    let fontsConf = work.appendingPathComponent("fonts.conf")
    let log = work.appendingPathComponent("soffice.log")
    do {
      try fm.createDirectory(at: work.appendingPathComponent("profile"), withIntermediateDirectories: true)
      try fontConfig.write(to: fontsConf, atomically: true, encoding: .utf8)
      _ = fm.createFile(atPath: log.path, contents: nil)
    } catch {
      throw RendererError.writeFailed(path: work.path, reason: ErrorText.describe(error))
    }

    var arguments = [
      "-env:UserInstallation=" + work.appendingPathComponent("profile").absoluteURL.absoluteString,
      "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck", "--nodefault",
      "--convert-to", format, "--outdir", outputDirectory.path, input.path,
    ]
    var executable = soffice
    // coreutils `timeout` puts soffice (a launcher that forks soffice.bin) in its own process group and
    // kills the whole group when time is up; our own deadline below is the fallback.
    let seconds = Int(timeout.rounded(.up))
    if let timeoutTool = ["/usr/bin/timeout", "/bin/timeout"].first(where: { fm.isExecutableFile(atPath: $0) }) {
      arguments = ["--kill-after=10", "\(seconds)", soffice.path] + arguments
      executable = URL(fileURLWithPath: timeoutTool)
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["FONTCONFIG_FILE"] = fontsConf.path
    env["SAL_USE_VCLPLUGIN"] = "svp"
    if env["HOME"] == nil { env["HOME"] = work.path }
    process.environment = env
    let logHandle = try? FileHandle(forWritingTo: log)
    process.standardOutput = logHandle
    process.standardError = logHandle
    process.standardInput = FileHandle.nullDevice
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    do {
      try process.run()
    } catch {
      throw RendererError.conversionFailed(input: input.lastPathComponent, log: "", target: target)
    }
    if done.wait(timeout: .now() + timeout + 20) == .timedOut {
      process.terminate()
      _ = done.wait(timeout: .now() + 5)
      try? logHandle?.close()
      throw RendererError.conversionTimedOut(input: input.lastPathComponent, seconds: seconds)
    }
    try? logHandle?.close()
    let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    if process.terminationStatus == 124 || process.terminationStatus == 137 {
      throw RendererError.conversionTimedOut(input: input.lastPathComponent, seconds: seconds)
    }
    // What the output must start with: %PDF-, a zip (docx, xlsx), or an OLE2 compound file (doc, xls).
    let magic: Data = ext == "pdf" ? Data("%PDF-".utf8) : ["doc", "xls"].contains(ext) ? Data([0xD0, 0xCF, 0x11, 0xE0]) : Data([0x50, 0x4B])
    guard let head = try? FileHandle(forReadingFrom: pdf).read(upToCount: magic.count), head == magic else {
      throw RendererError.conversionFailed(input: input.lastPathComponent, log: String(output.suffix(2000)), target: target)
    }
    return (pdf, output)
  }

  /// soffice on PATH, else the Debian/Ubuntu locations.
  public static func findSoffice() -> URL? {
    let fm = FileManager.default
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    var candidates = path.split(separator: ":").flatMap { dir in
      ["soffice", "libreoffice"].map { URL(fileURLWithPath: String(dir)).appendingPathComponent($0).path }
    }
    candidates += ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]
    return candidates.first { fm.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
  }

  /// Families the document names → the installed Noto CJK families (serif for 仿宋/宋体/楷体/小标宋, sans for 黑体).
  static let aliases: [(String, String)] = [
    ("仿宋", "Noto Serif CJK SC"), ("仿宋_GB2312", "Noto Serif CJK SC"), ("FangSong", "Noto Serif CJK SC"),
    ("FangSong_GB2312", "Noto Serif CJK SC"), ("宋体", "Noto Serif CJK SC"), ("SimSun", "Noto Serif CJK SC"),
    ("方正小标宋简体", "Noto Serif CJK SC"), ("方正小标宋_GBK", "Noto Serif CJK SC"), ("楷体_GB2312", "Noto Serif CJK SC"),
    ("楷体", "Noto Serif CJK SC"), ("KaiTi", "Noto Serif CJK SC"),
    ("黑体", "Noto Sans CJK SC"), ("SimHei", "Noto Sans CJK SC"),
  ]

  /// The system configuration plus the aliases (strong binding, so the substitute wins over generic fallbacks).
  static var fontConfig: String {
    var x = """
      <?xml version="1.0"?>
      <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
      <fontconfig>
        <include ignore_missing="yes">/etc/fonts/fonts.conf</include>

      """
    for (family, target) in aliases {
      x += """
          <match target="pattern"><test name="family" qual="any"><string>\(XML.escape(family))</string></test>\
        <edit name="family" mode="prepend" binding="strong"><string>\(target)</string></edit></match>

        """
    }
    return x + "</fontconfig>\n"
  }
}
