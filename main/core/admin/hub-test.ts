import type { z } from 'zod';
import type { hubTestResultSchema } from '../../../shared/api';
import type { Clock } from '../context';
import { createHubClient } from '../sync/hub-client';

/** "Test the connection": asks the hub for its health (no enrolment, nothing signed, nothing stored). */
export async function testHubConnection(hubUrl: string, clock: Clock): Promise<z.infer<typeof hubTestResultSchema>> {
  try {
    const health = await createHubClient({ baseUrl: hubUrl, clock }).health();
    return { reachable: true, hubUrl, version: health.version, hubTime: health.time, message: null };
  } catch (error) {
    return {
      reachable: false,
      hubUrl,
      version: null,
      hubTime: null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
