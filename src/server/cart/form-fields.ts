// A posted HTML form's fields as strings (a repeated field keeps its last value), for the
// routes that serve the shop's forms to browsers without JavaScript. Bounded before anything
// is kept: at most FORM_MAX_FIELDS fields of at most FORM_FIELD_MAX_CHARS characters each
// (the whole body is already within REQUEST_BODY_MAX_BYTES), else 413.
import { createError, readBody, type H3Event } from 'h3';

export interface FormLimits {
  readonly FORM_MAX_FIELDS: number;
  readonly FORM_FIELD_MAX_CHARS: number;
}

/** The fields, or the reason they are refused as too large (null when they fit). */
export function boundedFormFields(
  body: Record<string, unknown>,
  limits: FormLimits,
): { fields: Record<string, string>; tooLarge: string | null } {
  const fields: Record<string, string> = {};
  const entries = Object.entries(body);
  if (entries.length > limits.FORM_MAX_FIELDS) return { fields: {}, tooLarge: `the form has more than ${limits.FORM_MAX_FIELDS} fields` };
  for (const [name, value] of entries) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last !== 'string') continue;
    if (name.length > limits.FORM_FIELD_MAX_CHARS || last.length > limits.FORM_FIELD_MAX_CHARS) {
      return { fields: {}, tooLarge: `${name.slice(0, 40)}: longer than ${limits.FORM_FIELD_MAX_CHARS} characters` };
    }
    fields[name] = last;
  }
  return { fields, tooLarge: null };
}

export async function readFormFields(event: H3Event, limits: FormLimits): Promise<Record<string, string>> {
  const body = (await readBody<Record<string, unknown> | undefined>(event).catch(() => undefined)) ?? {};
  const { fields, tooLarge } = boundedFormFields(typeof body === 'object' ? body : {}, limits);
  if (tooLarge) throw createError({ statusCode: 413, statusMessage: tooLarge });
  return fields;
}
