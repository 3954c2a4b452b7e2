package dev.lifecycle.core;

/**
 * A key for registry and permit tests whose {@code toString}, {@code hashCode} or {@code equals}
 * throws an {@link Error} on purpose. Keys of one {@code hash} collide, so {@code equals} runs.
 */
final class HostileKey {
  /** Which of its methods throw. */
  enum Attack {
    NONE,
    TO_STRING,
    HASH_CODE,
    EQUALS
  }

  final String name;
  final Attack attack;
  private final int hash;

  HostileKey(String name, Attack attack, int hash) {
    this.name = name;
    this.attack = attack;
    this.hash = hash;
  }

  @Override
  public boolean equals(Object other) {
    if (attack == Attack.EQUALS) {
      throw new AssertionError("equals of key " + name + " throws on purpose");
    }
    if (other == this) {
      return true;
    }
    if (!(other instanceof HostileKey that)) {
      return false;
    }
    if (that.attack == Attack.EQUALS) {
      throw new AssertionError("equals of key " + that.name + " throws on purpose");
    }
    return that.name.equals(name);
  }

  @Override
  public int hashCode() {
    if (attack == Attack.HASH_CODE) {
      throw new StackOverflowError("hashCode of key " + name + " throws on purpose");
    }
    return hash;
  }

  @Override
  public String toString() {
    if (attack == Attack.TO_STRING) {
      throw new AssertionError("toString of key " + name + " throws on purpose");
    }
    return name;
  }
}
