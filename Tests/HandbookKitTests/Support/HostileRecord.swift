import Foundation
import Testing
@testable import HandbookKit

/// A previous edition's record with a hostile rule identifier, as an attacker hands it over.
enum HostileRecord {
    /// Writes `editions/1.json` into the handbook's content, made from its last build's
    /// handbook.json with one more rule, `withdrawnID`, which this edition no longer has, and
    /// makes handbook.yml compare with it as edition 2.
    static func write(into handbook: TestHandbook, withdrawnID: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: handbook.output + "/handbook.json"))
        var record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var rules = try #require(record["rules"] as? [[String: Any]])
        var rule = try #require(rules.first)
        rule["id"] = withdrawnID
        rules.append(rule)
        record["rules"] = rules
        record["edition"] = "1"
        try handbook.write(try JSONSerialization.data(withJSONObject: record), to: "editions/1.json")
        try handbook.write("title: Test handbook\nedition: \"2\"\nprevious_edition: editions/1.json\n", to: "handbook.yml")
    }
}
