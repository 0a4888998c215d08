import Foundation

/// Which templates a command uses: the folder given, else ./Templates when there is one, else
/// the templates built into the tool.
enum TemplateChoice {
    static func folder(_ option: String?) -> String? {
        if let option { return option }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: "Templates", isDirectory: &isFolder) && isFolder.boolValue ? "Templates" : nil
    }
}
