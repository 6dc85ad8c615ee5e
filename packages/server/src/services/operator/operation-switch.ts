import type { PrismaClient } from "@garment/db";
import { resourceNotFound } from "../../errors";

/**
 * Turns one operation on or off (`operations.enabled`): a disabled operation refuses every
 * dispatch with 403 FORBIDDEN until it is enabled again. Who may is the operation's audience
 * (the operator role, read with the session on every request). `onChanged` drops this instance's reference-data cache at once; other
 * instances hear the `operations` table's change announcement (see ReferenceData).
 */
export async function setOperationEnabled(
  db: PrismaClient,
  change: { name: string; enabled: boolean },
  onChanged: () => void,
): Promise<{ name: string; enabled: boolean }> {
  const updated = await db.operation.updateMany({
    where: { name: change.name },
    data: { enabled: change.enabled },
  });
  if (updated.count === 0) throw resourceNotFound(`operation '${change.name}'`);
  onChanged();
  return { name: change.name, enabled: change.enabled };
}
