import type { PrismaClient } from "@garment/db";

/** The signed-in stylist and the client they work for (the Studio's header and account page). */
export async function getStylist(db: PrismaClient, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { client: { select: { name: true } } },
  });
  return {
    email: user.email,
    name: user.name,
    client_id: user.clientId,
    client_name: user.client.name,
  };
}
