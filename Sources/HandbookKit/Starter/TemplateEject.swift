/// `handbook templates eject`: the templates built into the tool, copied into a folder to adapt.
/// A handbook without a Templates folder uses the built-in ones and gets their fixes with each
/// version of the tool; one with its own keeps them as they were copied.
public enum TemplateEject {
    /// Writes the built-in templates into `folder`, which must be new or empty.
    public static func write(to folder: String) throws(StarterHandbook.Problem) {
        try StarterHandbook.writeIntoEmptyFolder(folder, files: TemplateFiles.builtIn.files, under: "")
    }
}
