import { createSseParser, type SseMessage } from './sse-parser';

describe('createSseParser', () => {
  it('assembles blocks split across chunks, skips comments and joins multi-line data', () => {
    const messages: SseMessage[] = [];
    const feed = createSseParser((m) => messages.push(m));

    feed(': connected\n\nevent: bus-event\nid: e1\nda');
    feed('ta: {"a":1}\n\n: keep-alive\n\ndata: one\r\ndata: two\r\n\r\n');

    expect(messages).toEqual([
      { event: 'bus-event', id: 'e1', data: '{"a":1}' },
      { event: 'message', id: undefined, data: 'one\ntwo' },
    ]);
  });
});
