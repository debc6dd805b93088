import { describe, expect, it } from "vitest";
import { BoundedCache } from "../src/util/bounded-cache.js";

describe("BoundedCache", () => {
  it("forgets the oldest entry once it holds `limit` entries", () => {
    const c = new BoundedCache<string, number>(2);
    c.set("a", 1);
    c.set("b", 2);
    c.set("c", 3);
    expect([c.size, c.get("a"), c.get("b"), c.get("c")]).toEqual([2, undefined, 2, 3]);
  });

  it("replacing a key's value evicts nothing", () => {
    const c = new BoundedCache<string, number>(2);
    c.set("a", 1);
    c.set("b", 2);
    c.set("a", 9);
    expect([c.get("a"), c.get("b")]).toEqual([9, 2]);
  });

  it("getOrMake makes a value once per key", () => {
    const c = new BoundedCache<string, string>(4);
    let made = 0;
    const make = () => `v${++made}`;
    expect([c.getOrMake("x", make), c.getOrMake("x", make), c.getOrMake("y", make)]).toEqual(["v1", "v1", "v2"]);
  });
});
