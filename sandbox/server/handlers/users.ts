import { type ServerDeps } from '../deps';
import { type Reply, jsonReply } from '../http-io';
import { listUsers } from '../site';

/** `GET /__sandbox/users`: who one can act as, with what each person is for in the demo. */
export async function getUsers({ sandbox }: ServerDeps): Promise<Reply> {
  return jsonReply(200, { users: listUsers(sandbox) });
}
