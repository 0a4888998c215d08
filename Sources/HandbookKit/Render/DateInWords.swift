import Foundation
import Synchronization

/// A date of the front matter (`2026-11-21`, already checked by `CalendarDate`) as the
/// handbook's language writes it in full: "21 November 2026" in en-GB, "November 21, 2026" in
/// en-US, "21. November 2026" in de. Always of the Gregorian calendar, in which it was written.
enum DateInWords {
    /// Remembered, as every chapter's summary is made again on each rebuild of the preview and
    /// a handbook has few distinct dates.
    static func text(_ isoDate: String, language: String) -> String? {
        let key = language + " " + isoDate
        if let known = written.withLock({ $0[key] }) { return known }
        let text = format(isoDate, language: language)
        written.withLock { $0[key] = text }
        return text
    }

    private static let written = Mutex<[String: String?]>([:])

    private static func format(_ isoDate: String, language: String) -> String? {
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { return nil }
        return date.formatted(
            Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), calendar: calendar, timeZone: utc))
    }

    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()
}
