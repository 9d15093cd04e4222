import type { HubTestResult } from '../../../shared/api';
import { messageOf } from '../../../shared/api';
import type { Clock } from '../context';
import { createHubClient, HubCallError } from '../sync/hub-client';

/** "Test the connection": asks the hub for its health (no enrolment, nothing signed, nothing stored). */
export async function testHubConnection(hubUrl: string, clock: Clock): Promise<HubTestResult> {
  try {
    const health = await createHubClient({ baseUrl: hubUrl, clock }).health();
    return { reachable: true, hubUrl, version: health.version, hubTime: health.time, why: null };
  } catch (error) {
    // Why, as a reason the renderer words in the broker's language (the hub client's failures all carry one).
    return {
      reachable: false,
      hubUrl,
      version: null,
      hubTime: null,
      why: error instanceof HubCallError ? error.said : messageOf(error),
    };
  }
}
