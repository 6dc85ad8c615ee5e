import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** What a listener hears on its channel, and when the connection carrying it comes and goes. */
export interface NotificationHandlers {
  onNotification(payload: string): void;
  /**
   * The connection that receives notifications dropped, or came back. Notifications sent while
   * it was down are lost, so anything kept in step by them must not be trusted in between.
   */
  onConnectionChange?(connected: boolean): void;
}

export interface NotificationSubscription {
  /** False while notifications may be missed (the listening connection is down). */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** PGlite is one process: its notifications cannot be missed. */
export async function listenPglite(
  pglite: PGlite,
  channel: string,
  handlers: NotificationHandlers,
): Promise<NotificationSubscription> {
  const unlisten = await pglite.listen(channel, (payload) => handlers.onNotification(payload));
  return {
    connected: true,
    close: () => unlisten(),
  };
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;

/**
 * LISTEN on a dedicated PostgreSQL connection (not the pool's: a pooled connection is shared and
 * recycled), reconnecting with backoff when it drops. A first connection that fails does not
 * fail the caller: the subscription starts disconnected and keeps trying.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  handlers: NotificationHandlers,
): Promise<NotificationSubscription> {
  const listener = new PostgresListener(url, channel, handlers);
  await listener.connect();
  return listener;
}

class PostgresListener implements NotificationSubscription {
  connected = false;
  private client: pg.Client | null = null;
  private closed = false;
  private retryDelay = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
  ) {}

  async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (message) => {
      if (message.channel === this.channel) this.handlers.onNotification(message.payload ?? "");
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    } catch {
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.connected = true;
    this.retryDelay = RECONNECT_MIN_MS;
    this.handlers.onConnectionChange?.(true);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    this.handlers.onConnectionChange?.(false);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryDelay);
    this.retryTimer.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, RECONNECT_MAX_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }
}
