/// `page.css`: how the pages of the site are printed, from the handbook's settings: the paper
/// (`HandbookConfig.paperSize`), and the handbook's title and the page number in the margins
/// of every sheet. Written by the build, not a template asset, as it holds the title; the
/// title reaches it only through `CSSString`.
enum PageStyle {
    static func css(_ config: HandbookConfig) -> String {
        // As the site's footer writes them: "Doctors on Social Media, edition 1.0".
        let title = config.title + (config.edition.map { ", edition " + $0 } ?? "")
        return """
            /* Written by handbook from handbook.yml: the paper printed pages are laid out for, and
               what the margins of each sheet show. */
            @page {
              size: \(config.paperSize.cssName);
              margin: 18mm 16mm 20mm;
              @top-left { content: \(CSSString.literal(title)); font: 8.5pt/1.2 system-ui, sans-serif; color: #444; }
              @bottom-right { content: counter(page) " / " counter(pages); font: 8.5pt/1.2 system-ui, sans-serif; color: #444; }
            }

            """
    }
}
