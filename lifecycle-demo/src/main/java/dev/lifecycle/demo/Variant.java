package dev.lifecycle.demo;

/** The two runs of a scenario. */
enum Variant {
  /** The code as the postmortem's service had it. */
  UNPROTECTED("unprotected", "as written"),
  /** The same service with lifecycle. */
  PROTECTED("protected", "with lifecycle");

  private final String label;
  private final String caption;

  Variant(String label, String caption) {
    this.label = label;
    this.caption = caption;
  }

  String label() {
    return label;
  }

  String caption() {
    return caption;
  }

  static Variant parse(String text) {
    for (Variant v : values()) {
      if (v.label.equals(text)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown variant: " + text);
  }
}
