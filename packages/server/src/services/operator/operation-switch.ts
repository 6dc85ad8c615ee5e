import type { PrismaClient } from "@garment/db";
import { forbidden, resourceNotFound } from "../../errors";

/**
 * Turns one operation on or off (`operations.enabled`): a disabled operation refuses every
 * dispatch with 403 FORBIDDEN until it is enabled again. Only a user with the operator role may;
 * the role is read from the database, not from a session snapshot, so a revoked operator is
 * refused at once. `onChanged` drops this instance's reference-data cache at once; other
 * instances hear the `operations` table's change announcement (see ReferenceData).
 */
export async function setOperationEnabled(
  db: PrismaClient,
  userId: string | null | undefined,
  change: { name: string; enabled: boolean },
  onChanged: () => void,
): Promise<{ name: string; enabled: boolean }> {
  const user = userId
    ? await db.user.findUnique({ where: { id: userId }, select: { isOperator: true } })
    : null;
  if (!user?.isOperator) throw forbidden("Only an operator may switch an operation on or off.");
  const updated = await db.operation.updateMany({
    where: { name: change.name },
    data: { enabled: change.enabled },
  });
  if (updated.count === 0) throw resourceNotFound(`operation '${change.name}'`);
  onChanged();
  return { name: change.name, enabled: change.enabled };
}
