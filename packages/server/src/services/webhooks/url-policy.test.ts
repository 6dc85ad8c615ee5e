import { describe, expect, it } from "vitest";
import { assertPublicWebhookUrl, isPublicAddress, WebhookUrlRefused } from "./url-policy";

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
    "192.0.2.1",
    "198.18.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "fec0::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::7f00:1",
    "64:ff9b::7f00:1",
    "64:ff9b::808:808",
    "64:ff9b:1::1",
    "2002:7f00:1::",
    "2002:808:808::1",
    "2001::1",
    "2001:db8::1",
    "100::1",
    "ff02::1",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "accepts %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  const resolveTo = (addresses: string[]) => async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

  it("refuses loopback and private hosts, literal or resolved, and names that do not resolve", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://api.localhost/hook",
      "http://[::1]/hook",
      "http://[::ffff:7f00:1]/hook",
      "http://0x7f.1/hook",
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
    ).rejects.toThrow(/private, loopback or reserved.*10\.0\.0\.7/);
    await expect(
      assertPublicWebhookUrl("https://gone.example.com/h", () =>
        Promise.reject(new Error("ENOTFOUND")),
      ),
    ).rejects.toThrow(/does not resolve/);
    await expect(
      assertPublicWebhookUrl("https://empty.example.com/h", resolveTo([])),
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
