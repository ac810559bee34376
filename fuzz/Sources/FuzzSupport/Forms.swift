import Foundation
import YusuanCore

/// The repository's forms (`forms/`, found from the working directory as the CLI finds them, or `YUSUAN_FORMS`).
public enum FuzzForms {
  public static let library: FormsLibrary = {
    do { return try FormsLibrary.locate() } catch { fatalError("fuzz: \(error) (run from the repository, or set YUSUAN_FORMS)") }
  }()

  public static let editionID = "anhui-2024"

  public static let edition: Edition = {
    do { return try library.edition(editionID) } catch { fatalError("fuzz: edition \(editionID): \(error)") }
  }()

  public static let catalog: Catalog = {
    do { return try library.catalog(edition.catalog) } catch { fatalError("fuzz: catalog \(edition.catalog): \(error)") }
  }()

  public static let meta = WorkbookMeta(department: "模糊测试部门", year: 2025, edition: editionID, catalog: edition.catalog)

  /// The repository root (the folder holding `forms/`).
  public static var repositoryRoot: URL { library.root.deletingLastPathComponent() }
}
