/**
 * @module
 * The OpenAPI 3.1 document of the HTTP API, served at /openapi.json (hand-written; docs/api.md is
 * the prose version).
 */

const error = { $ref: '#/components/responses/Error' }
const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
})
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
})
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
})

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'claimgraph API',
    version: '1',
    description:
      'Who said what, about whom: stories, briefs, claims, entities, documents and search over the stored analyses. Errors are `{ error: { code, message } }`. Writes need `Authorization: Bearer <token>` when the server was started with a token.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    responses: {
      Error: json(
        {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        'Error',
      ),
    },
    schemas: {
      StorySummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          documents: { type: 'integer' },
          sources: { type: 'integer' },
          firstPublishedAt: { type: ['string', 'null'] },
          lastPublishedAt: { type: ['string', 'null'] },
          contested: {
            type: 'object',
            properties: {
              conflictingFigures: { type: 'integer' },
              accusedActors: { type: 'integer' },
              score: { type: 'integer' },
            },
          },
        },
      },
      Claim: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          documentTitle: { type: ['string', 'null'] },
          id: { type: 'string' },
          speakerText: { type: ['string', 'null'] },
          speakerKey: { type: ['string', 'null'] },
          speakerName: { type: ['string', 'null'] },
          cue: { type: ['string', 'null'] },
          content: { type: 'string' },
          kind: { type: 'string' },
          stance: { type: 'string' },
          hedged: { type: 'boolean' },
          sentence: { type: 'integer' },
          section: { type: 'string' },
          targets: {
            type: 'array',
            items: {
              type: 'object',
              properties: { key: { type: 'string' }, name: { type: 'string' } },
            },
          },
        },
      },
      IngestJob: {
        type: 'object',
        description:
          'An ingest job and its progress: counts so far, and every input with its documents and errors as they come',
        required: [
          'id',
          'state',
          'inputs',
          'documents',
          'added',
          'updated',
          'unchanged',
          'failed',
          'results',
        ],
        properties: {
          id: { type: 'string' },
          state: { enum: ['queued', 'running', 'done', 'failed'] },
          createdAt: { type: 'string', format: 'date-time' },
          startedAt: { type: ['string', 'null'], format: 'date-time' },
          finishedAt: { type: ['string', 'null'], format: 'date-time' },
          error: {
            description: 'why the job itself stopped (state failed); bad inputs are in results',
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                properties: { code: { type: 'string' }, message: { type: 'string' } },
              },
            ],
          },
          inputs: {
            type: 'object',
            description: 'inputs (files, pasted texts, URLs) in the job, and those done',
            properties: { total: { type: 'integer' }, done: { type: 'integer' } },
          },
          documents: {
            type: 'object',
            description:
              'documents (and failed inputs, feed items, JSONL lines) read so far, and those stored or failed',
            properties: { read: { type: 'integer' }, processed: { type: 'integer' } },
          },
          added: { type: 'integer' },
          updated: { type: 'integer' },
          unchanged: { type: 'integer' },
          failed: { type: 'integer' },
          results: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                input: { type: 'string' },
                state: { enum: ['pending', 'running', 'done'] },
                ok: { type: 'boolean', description: 'no error so far' },
                documents: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      status: { enum: ['added', 'updated', 'unchanged'] },
                      title: { type: ['string', 'null'] },
                    },
                  },
                },
                errors: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { code: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/api/stories': {
      get: {
        summary: 'Stories with document and source counts, dates and how contested they are',
        responses: {
          200: json({
            type: 'object',
            properties: {
              stories: { type: 'array', items: { $ref: '#/components/schemas/StorySummary' } },
            },
          }),
        },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary:
          'The brief of one story (claimgraph/brief@1, see docs/brief.md); lists longer than `limit` are cut and their full lengths given in `truncated`',
        parameters: [
          path('id', 'story id'),
          query('limit', 'cap on every list in the story (default 100, max 5000)', {
            type: 'integer',
          }),
        ],
        responses: { 200: json({ type: 'object' }), 404: error },
      },
    },
    '/api/claims': {
      get: {
        summary: 'Claims matching every given filter',
        parameters: [
          query('speaker', 'entity key, or words of the speaker as written'),
          query('target', 'entity key or name of a target'),
          query(
            'stance',
            'assert | accuse | deny | claim_responsibility | question | predict | threaten',
          ),
          query('document', 'document id or its prefix'),
          query('section', 'body | comment | title | byline | boilerplate'),
          query('hedged', 'true | false', { type: 'boolean' }),
          query('limit', 'at most this many (default 500, max 2000)', { type: 'integer' }),
        ],
        responses: {
          200: json({
            type: 'object',
            properties: {
              claims: { type: 'array', items: { $ref: '#/components/schemas/Claim' } },
            },
          }),
          400: error,
        },
      },
    },
    '/api/entities/{key}': {
      get: {
        summary:
          'One entity across documents: names, mentions, documents, claims by and about it, co-occurring entities',
        parameters: [path('key', 'the entity key')],
        responses: { 200: json({ type: 'object' }), 404: error },
      },
    },
    '/api/documents': {
      get: {
        summary: 'Every stored document (metadata only)',
        responses: { 200: json({ type: 'object' }) },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'The reader: the stored analysis (claimgraph/analysis@1) plus `sources`',
        parameters: [path('id', 'document id')],
        responses: { 200: json({ type: 'object' }), 404: error },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over documents, claims and entity names',
        parameters: [
          query('q', 'web-search syntax: words, "phrases", or, -not'),
          query('limit', 'per kind (default 20, max 200)', { type: 'integer' }),
        ],
        responses: { 200: json({ type: 'object' }) },
      },
    },
    '/api/ingest': {
      post: {
        summary:
          'Start ingesting uploaded files, pasted text or URLs (the shared ingest job); answers 202 with the job at once',
        security: [{ bearer: [] }, {}],
        parameters: [
          query('wait', 'true: answer 200 with the job once it has ended', { type: 'boolean' }),
        ],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  files: { type: 'array', items: { type: 'string', format: 'binary' } },
                },
              },
            },
            'application/json': {
              schema: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['text'],
                    properties: { text: { type: 'string' }, title: { type: 'string' } },
                  },
                  {
                    type: 'object',
                    required: ['urls'],
                    properties: { urls: { type: 'array', items: { type: 'string' } } },
                  },
                ],
              },
            },
          },
        },
        responses: {
          202: {
            description:
              'The job, queued; follow it with GET /api/ingest/{id} (also in the Location header)',
            headers: { Location: { schema: { type: 'string' } } },
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/IngestJob' } },
            },
          },
          200: json(
            { $ref: '#/components/schemas/IngestJob' },
            'With ?wait=true: the job once it has ended',
          ),
          400: error,
          401: error,
          403: error,
          413: error,
          429: error,
        },
      },
      get: {
        summary:
          'The ingest jobs kept in memory (queued, running and the last 50 ended), newest first',
        responses: {
          200: json({
            type: 'object',
            properties: {
              jobs: { type: 'array', items: { $ref: '#/components/schemas/IngestJob' } },
            },
          }),
        },
      },
    },
    '/api/ingest/{id}/events': {
      get: {
        summary:
          'The job as server-sent events: `progress` with the IngestJob now and after changes (at most every 100 ms), then `end` with its end state; the stream closes after `end`',
        parameters: [path('id', 'the job id from POST /api/ingest')],
        responses: {
          200: {
            description: 'text/event-stream; every event’s data is an IngestJob as JSON',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          404: error,
        },
      },
    },
    '/api/ingest/{id}': {
      get: {
        summary:
          'One ingest job: state, inputs and documents done, added/updated/unchanged/failed so far, per-input documents and errors',
        parameters: [path('id', 'the job id from POST /api/ingest')],
        responses: { 200: json({ $ref: '#/components/schemas/IngestJob' }), 404: error },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { 200: json({ type: 'object' }) } },
    },
  },
} as const
