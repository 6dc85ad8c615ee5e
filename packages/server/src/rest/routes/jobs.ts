import { JobEventsQuery, JobListQuery } from "@garment/schemas";
import { cancelJob } from "../../services/jobs/cancel-job";
import { getJobDetail } from "../../services/jobs/get-job";
import { listJobEvents } from "../../services/jobs/list-job-events";
import { listJobs } from "../../services/jobs/list-jobs";
import type { RestHandler } from "../endpoint";
import { json } from "../http";
import { parseQuery } from "../query";

/** GET /v1/jobs */
export const getJobs: RestHandler = async (call) => {
  const caller = await call.authenticate();
  return json(
    await listJobs(call.runtime.db, caller, parseQuery(call.url, JobListQuery, ["job_type"])),
  );
};

/** GET /v1/jobs/{public_id} */
export const getJob: RestHandler = async (call) =>
  json(
    await getJobDetail(
      call.runtime.db,
      call.runtime.signer,
      await call.authenticate(),
      call.params.id ?? "",
    ),
  );

/** GET /v1/jobs/{public_id}/events?since= */
export const getJobEvents: RestHandler = async (call) => {
  const caller = await call.authenticate();
  const { since } = parseQuery(call.url, JobEventsQuery);
  return json(
    await listJobEvents(call.runtime.db, call.runtime.signer, caller, call.params.id ?? "", since),
  );
};

/** POST /v1/jobs/{public_id}/cancel (webhooks hear of the cancelled job as `job.failed`) */
export const postJobCancel: RestHandler = async (call) => {
  const detail = await cancelJob(
    call.runtime.db,
    call.runtime.signer,
    await call.authenticate(),
    call.params.id ?? "",
  );
  await call.runtime.workflows?.announceJobFinished(detail.public_id);
  return json(detail);
};
