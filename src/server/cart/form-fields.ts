// A posted HTML form's fields as strings (a repeated field keeps its last value), for the
// routes that serve the shop's forms to browsers without JavaScript.
import { readBody, type H3Event } from 'h3';

export async function readFormFields(event: H3Event): Promise<Record<string, string>> {
  const body = (await readBody<Record<string, unknown> | undefined>(event).catch(() => undefined)) ?? {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') fields[name] = last;
  }
  return fields;
}
