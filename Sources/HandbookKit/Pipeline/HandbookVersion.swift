/// The tool's version, shown by `handbook --version`.
public enum HandbookVersion {
    public static let current = "0.6.0"
}
