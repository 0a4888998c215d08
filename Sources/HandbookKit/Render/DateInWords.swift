import Foundation

/// A date of the front matter (`2026-11-21`, already checked by `CalendarDate`) as the
/// handbook's language writes it in full: "21 November 2026" in en-GB, "November 21, 2026" in
/// en-US, "21. November 2026" in de. Always of the Gregorian calendar, in which it was written.
enum DateInWords {
    static func text(_ isoDate: String, language: String) -> String? {
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
