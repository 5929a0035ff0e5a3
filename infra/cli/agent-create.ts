// `npm run agent:create -- --email E --role admin [--name N] [--password P]`: creates a back-office
// agent in the database of MONGO_URL. Without --password one is generated and printed once.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfigOrExit } from '../../src/server/platform/config';
import { openRuntime } from '../../src/server/platform/runtime';
import { DuplicateAgentError, createAgent, NewAgent, generatePassword } from '../../src/server/backoffice';
import { ensureCollections } from '../../src/server/collections';

const USAGE = 'usage: npm run agent:create -- --email E --role agent|supervisor|admin [--name N] [--password P]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(64); // EX_USAGE
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values['help']) {
    console.log(USAGE);
    return;
  }
  const email = values['email'];
  if (typeof email !== 'string') fail('--email is required');
  if (typeof values['role'] !== 'string') fail('--role is required');
  const generated = typeof values['password'] === 'string' ? null : generatePassword();
  const parsed = NewAgent.safeParse({
    email,
    role: values['role'],
    name: typeof values['name'] === 'string' ? values['name'] : email.split('@')[0],
    password: generated ?? values['password'],
  });
  if (!parsed.success) fail(z.prettifyError(parsed.error));

  const rt = await openRuntime(loadConfigOrExit(), 'agent-create');
  await ensureCollections(rt.db);
  try {
    const agent = await createAgent(rt, parsed.data);
    console.log(`created ${agent.role} ${agent.email} (id ${agent._id})`);
    if (generated) console.log(`password: ${generated}\n(shown once; only its hash is stored)`);
  } catch (error) {
    if (error instanceof DuplicateAgentError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await rt.close();
  }
}

await main();
