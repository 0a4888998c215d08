import Foundation

/// `handbook.schema.json`: the JSON Schema of `handbook.json`, written beside it so that the
/// tools that read the index can check what they get.
enum HandbookSchema {
    /// The schema for a handbook of `grammar`. A handbook's own identifiers (`rule_id_pattern`,
    /// a POSIX pattern that JSON Schema's dialect may read differently) are described by the
    /// form every identifier has, with the pattern itself named in the description.
    static func json(for grammar: RuleGrammar) -> String {
        guard let pattern = grammar.pattern else { return json }
        let standard = #""ruleId": { "type": "string", "pattern": "^[A-Z][A-Z0-9]*-[0-9]+(\\.[0-9]+)*$" },"#
        let described = String(decoding: (try? JSONEncoder().encode("A rule identifier of this handbook: it matches the POSIX extended regular expression \(pattern.source) (rule_id_pattern in handbook.yml).")) ?? Data("\"\"".utf8), as: UTF8.self)
        let own = #""ruleId": { "type": "string", "pattern": "^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$", "maxLength": \#(InputLimits.identifierBytes), "description": \#(described) },"#
        return json.replacingOccurrences(of: standard, with: own)
    }

    static let json = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "handbook.schema.json",
      "title": "Handbook index",
      "description": "The machine-readable index of a handbook built by handbook. Every url is relative to the site root.",
      "type": "object",
      "required": ["schemaVersion", "title", "language", "chapters", "rules", "tipLists", "withdrawn"],
      "additionalProperties": false,
      "properties": {
        "schemaVersion": { "const": 1, "description": "Changes when the format changes incompatibly." },
        "title": { "type": "string" },
        "subtitle": { "type": "string" },
        "organisation": { "type": "string" },
        "edition": { "type": "string" },
        "language": { "type": "string", "description": "BCP 47 language tag." },
        "chapters": { "type": "array", "items": { "$ref": "#/$defs/chapter" } },
        "parts": { "type": "array", "items": { "$ref": "#/$defs/part" }, "description": "The parts that group the chapters, in order; present when the handbook has parts." },
        "situations": { "type": "array", "items": { "$ref": "#/$defs/situation" }, "description": "Entry points by situation (situations in handbook.yml), in order; present when the handbook lists them." },
        "rules": { "type": "array", "items": { "$ref": "#/$defs/rule" } },
        "tipLists": { "type": "array", "items": { "$ref": "#/$defs/tipList" } },
        "withdrawn": { "type": "array", "items": { "$ref": "#/$defs/withdrawnRule" }, "description": "Rules withdrawn in this edition or an earlier one; their permalinks stay." },
        "changes": { "$ref": "#/$defs/changes" }
      },
      "$defs": {
        "ruleId": { "type": "string", "pattern": "^[A-Z][A-Z0-9]*-[0-9]+(\\.[0-9]+)*$" },
        "url": { "type": "string", "description": "Relative to the site root." },
        "chapter": {
          "type": "object",
          "required": ["slug", "title", "url", "rules"],
          "additionalProperties": false,
          "properties": {
            "slug": { "type": "string" },
            "title": { "type": "string" },
            "summary": { "type": "string" },
            "updated": { "type": "string", "format": "date" },
            "url": { "$ref": "#/$defs/url" },
            "rules": { "type": "array", "items": { "$ref": "#/$defs/ruleId" }, "description": "The rules the chapter defines, in order." },
            "part": { "type": "string", "description": "The id of the part the chapter is in; absent for a chapter outside any part." },
            "anchors": {
              "type": "object",
              "description": "Old anchors of the chapter page that still work (front matter `anchors:`, and explicit anchors of rule headings): each maps to the anchor, in the same page, it stands for. Absent when there are none.",
              "additionalProperties": { "type": "string" }
            }
          }
        },
        "situation": {
          "type": "object",
          "required": ["text", "rules"],
          "additionalProperties": false,
          "properties": {
            "text": { "type": "string", "description": "What the reader faces, in their words." },
            "rules": { "type": "array", "items": { "type": "string" }, "description": "The identifiers of the rules that answer it, in the order written." }
          }
        },
        "part": {
          "type": "object",
          "required": ["id", "title", "chapters"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "description": "The part's slug, from its folder's name (chapters/02-principles/ is principles)." },
            "title": { "type": "string" },
            "summary": { "type": "string" },
            "chapters": { "type": "array", "items": { "type": "string" }, "description": "The slugs of the part's chapters, in order." }
          }
        },
        "rule": {
          "type": "object",
          "required": ["id", "title", "chapter", "url", "permalink", "text", "html", "references", "citedBy", "wording", "textHash"],
          "additionalProperties": false,
          "properties": {
            "id": { "$ref": "#/$defs/ruleId" },
            "title": { "type": "string" },
            "chapter": { "type": "string", "description": "The slug of the chapter that defines the rule." },
            "url": { "$ref": "#/$defs/url", "description": "The rule in its chapter page." },
            "permalink": { "$ref": "#/$defs/url", "description": "The rule's own page." },
            "text": { "type": "string", "description": "The rule's text, without markup." },
            "html": { "type": "string", "description": "The rule's text as safe HTML; links relative to the site root, or absolute when the handbook has a base_url." },
            "references": { "type": "array", "items": { "$ref": "#/$defs/ruleId" }, "description": "Rules this rule's text refers to." },
            "citedBy": { "type": "array", "items": { "$ref": "#/$defs/citation" } },
            "wording": { "type": "string", "description": "The rule's own text (without its heading, change note or nested rules), in Unicode NFC with white space collapsed: what editions compare." },
            "textHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$", "description": "The SHA-256 of the wording's UTF-8 bytes." },
            "edition": { "type": "string", "description": "The edition whose wording and title the rule has." },
            "since": { "type": "string", "description": "The edition in which the rule first appeared." }
          }
        },
        "withdrawnRule": {
          "type": "object",
          "required": ["id", "title", "chapter", "chapterTitle", "permalink", "wording", "withdrawnIn"],
          "additionalProperties": false,
          "properties": {
            "id": { "$ref": "#/$defs/ruleId" },
            "title": { "type": "string", "description": "Its last title." },
            "chapter": { "type": "string", "description": "The slug of the chapter it was in." },
            "chapterTitle": { "type": "string" },
            "permalink": { "$ref": "#/$defs/url", "description": "Its page, which says it was withdrawn." },
            "wording": { "type": "string", "description": "Its last wording." },
            "withdrawnIn": { "type": "string", "description": "The edition that withdrew it." },
            "since": { "type": "string" },
            "note": { "type": "string", "description": "Why, in the author's words." }
          }
        },
        "changes": {
          "type": "object",
          "description": "What changed since the previous edition; present when the build compared with one.",
          "required": ["edition", "previousEdition", "url", "rules", "tipLists"],
          "additionalProperties": false,
          "properties": {
            "edition": { "type": "string" },
            "previousEdition": { "type": "string" },
            "url": { "$ref": "#/$defs/url", "description": "The changes page." },
            "rules": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "kinds", "title", "chapter", "url"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/ruleId" },
                  "kinds": { "type": "array", "minItems": 1, "items": { "enum": ["added", "retitled", "reworded", "moved", "withdrawn"] } },
                  "title": { "type": "string" },
                  "previousTitle": { "type": "string", "description": "When retitled." },
                  "chapter": { "type": "string", "description": "The slug of the chapter the rule is in (for a withdrawn rule, was in)." },
                  "previousChapter": { "type": "string", "description": "When moved: the slug of the chapter it was in." },
                  "previousWording": { "type": "string", "description": "When reworded." },
                  "wording": { "type": "string", "description": "When reworded." },
                  "note": { "type": "string", "description": "The author's change note." },
                  "url": { "$ref": "#/$defs/url", "description": "The change on the changes page." }
                }
              }
            },
            "tipLists": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["slug", "title", "kind", "tipsAdded", "tipsRemoved", "tipsReworded"],
                "additionalProperties": false,
                "properties": {
                  "slug": { "type": "string" },
                  "title": { "type": "string" },
                  "kind": { "enum": ["added", "removed", "changed"] },
                  "tipsAdded": { "type": "array", "items": { "type": "string" } },
                  "tipsRemoved": { "type": "array", "items": { "type": "string" } },
                  "tipsReworded": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["before", "after"],
                      "additionalProperties": false,
                      "properties": { "before": { "type": "string" }, "after": { "type": "string" } }
                    }
                  }
                }
              }
            }
          }
        },
        "citation": {
          "type": "object",
          "required": ["kind", "id", "url"],
          "additionalProperties": false,
          "properties": {
            "kind": { "enum": ["chapter", "rule", "tip", "parent", "overview"], "description": "Where the rule is cited: another chapter's text outside its rules (chapter), another rule's own text (rule), a tip (tip), its parent rule's own text, listing its sub-rules (parent), or its own chapter's text outside any rule (overview). Pages show the first three under \"Cited by\"; parent and overview repeat the handbook's structure." },
            "id": { "type": "string", "description": "A rule identifier, or the slug of a chapter or tip list." },
            "anchor": { "type": "string", "description": "For a tip, its anchor in the tip list." },
            "url": { "$ref": "#/$defs/url" }
          }
        },
        "tipList": {
          "type": "object",
          "required": ["slug", "title", "url", "tips"],
          "additionalProperties": false,
          "properties": {
            "slug": { "type": "string" },
            "title": { "type": "string" },
            "summary": { "type": "string" },
            "url": { "$ref": "#/$defs/url" },
            "tips": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["anchor", "text", "html", "rules"],
                "additionalProperties": false,
                "properties": {
                  "anchor": { "type": "string" },
                  "text": { "type": "string" },
                  "html": { "type": "string", "description": "The tip as safe HTML, links as for a rule's html." },
                  "rules": { "type": "array", "items": { "$ref": "#/$defs/ruleId" } }
                }
              }
            }
          }
        }
      }
    }

    """#
}
