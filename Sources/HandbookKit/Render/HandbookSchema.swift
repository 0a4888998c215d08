/// `handbook.schema.json`: the JSON Schema of `handbook.json`, written beside it so that the
/// tools that read the index can check what they get.
enum HandbookSchema {
    static let json = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "handbook.schema.json",
      "title": "Handbook index",
      "description": "The machine-readable index of a handbook built by handbook. Every url is relative to the site root.",
      "type": "object",
      "required": ["schemaVersion", "title", "language", "chapters", "rules", "tipLists"],
      "additionalProperties": false,
      "properties": {
        "schemaVersion": { "const": 1, "description": "Changes when the format changes incompatibly." },
        "title": { "type": "string" },
        "subtitle": { "type": "string" },
        "organisation": { "type": "string" },
        "edition": { "type": "string" },
        "language": { "type": "string", "description": "BCP 47 language tag." },
        "chapters": { "type": "array", "items": { "$ref": "#/$defs/chapter" } },
        "rules": { "type": "array", "items": { "$ref": "#/$defs/rule" } },
        "tipLists": { "type": "array", "items": { "$ref": "#/$defs/tipList" } }
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
            "rules": { "type": "array", "items": { "$ref": "#/$defs/ruleId" }, "description": "The rules the chapter defines, in order." }
          }
        },
        "rule": {
          "type": "object",
          "required": ["id", "title", "chapter", "url", "permalink", "text", "html", "references", "citedBy"],
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
            "citedBy": { "type": "array", "items": { "$ref": "#/$defs/citation" } }
          }
        },
        "citation": {
          "type": "object",
          "required": ["kind", "id", "url"],
          "additionalProperties": false,
          "properties": {
            "kind": { "enum": ["chapter", "rule", "tip"] },
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
