import type { Output } from './operation';
import type { SqsError } from './sqs-error';

const NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';

/** Operations whose Query response has no `<…Result>` element, only metadata. */
const WITHOUT_RESULT = new Set(['DeleteQueue', 'SetQueueAttributes', 'PurgeQueue', 'DeleteMessage', 'ChangeMessageVisibility']);

export function queryResponseXml(action: string, output: Output, requestId: string): string {
  const result = WITHOUT_RESULT.has(action) ? '' : `<${action}Result>${members(output, action)}</${action}Result>`;
  return `<?xml version="1.0"?><${action}Response xmlns="${NAMESPACE}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function queryErrorXml(error: SqsError, requestId: string): string {
  return (
    `<?xml version="1.0"?><ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message><Detail/></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** Renders JSON-shaped members with the Query protocol's flattened element names. */
function members(value: Record<string, unknown>, action: string): string {
  let xml = '';
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === null) continue;
    if (key === 'Attributes') xml += namedValues('Attribute', member as Record<string, unknown>, (text) => escapeXml(String(text)));
    else if (key === 'MessageAttributes') xml += namedValues('MessageAttribute', member as Record<string, unknown>, (v) => members(v as Record<string, unknown>, action));
    else if (key === 'QueueUrls' || key === 'queueUrls') xml += repeated('QueueUrl', member as unknown[], action);
    else if (key === 'Messages') xml += repeated('Message', member as unknown[], action);
    else if (key === 'Successful') xml += repeated(`${action}ResultEntry`, member as unknown[], action);
    else if (key === 'Failed') xml += repeated('BatchResultErrorEntry', member as unknown[], action);
    else xml += element(key, member, action);
  }
  return xml;
}

function namedValues(tag: string, map: Record<string, unknown>, render: (value: unknown) => string): string {
  return Object.entries(map)
    .map(([name, value]) => `<${tag}><Name>${escapeXml(name)}</Name><Value>${render(value)}</Value></${tag}>`)
    .join('');
}

function repeated(tag: string, items: unknown[], action: string): string {
  return items.map((item) => element(tag, item, action)).join('');
}

function element(tag: string, value: unknown, action: string): string {
  const content = typeof value === 'object' && value !== null ? members(value as Record<string, unknown>, action) : escapeXml(String(value));
  return `<${tag}>${content}</${tag}>`;
}

/** Escapes markup and carriage returns, which an XML parser would otherwise fold into newlines. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (character) => ESCAPES[character]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };
