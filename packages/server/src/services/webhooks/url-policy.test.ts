import { describe, expect, it } from "vitest";
import { assertPublicWebhookUrl, isPrivateAddress, WebhookUrlRefused } from "./url-policy";

describe("webhook URL policy", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
  ])("treats %s as private", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "treats %s as public",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  const resolveTo = (addresses: string[]) => async () => addresses;

  it("refuses loopback and private hosts, literal or resolved, and names that do not resolve", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://api.localhost/hook",
      "http://[::1]/hook",
      "http://[::ffff:7f00:1]/hook",
      "https://169.254.169.254/latest/meta-data",
    ]) {
      await expect(assertPublicWebhookUrl(url, resolveTo([]))).rejects.toBeInstanceOf(
        WebhookUrlRefused,
      );
    }
    await expect(
      assertPublicWebhookUrl(
        "https://internal.example.com/h",
        resolveTo(["93.184.216.34", "10.0.0.7"]),
      ),
    ).rejects.toThrow(/private or loopback/);
    await expect(
      assertPublicWebhookUrl("https://gone.example.com/h", () =>
        Promise.reject(new Error("ENOTFOUND")),
      ),
    ).rejects.toThrow(/does not resolve/);
  });

  it("accepts hosts that resolve only to public addresses", async () => {
    await expect(
      assertPublicWebhookUrl("https://hooks.example.com/h", resolveTo(["93.184.216.34"])),
    ).resolves.toBeUndefined();
    await expect(
      assertPublicWebhookUrl("https://8.8.8.8/h", resolveTo([])),
    ).resolves.toBeUndefined();
  });
});
