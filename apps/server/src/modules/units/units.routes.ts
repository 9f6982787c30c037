import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@union/contracts/common';
import {
  BulkMoveResultDto,
  BulkMoveUnitsBody,
  CreateUnitBody,
  DissolveUnitBody,
  MergeUnitBody,
  MoveUnitBody,
  UnitChildrenQuery,
  UnitDto,
  UnitEventDto,
  UnitPage,
  UnitSearchQuery,
  UnitSummaryDto,
  UpdateUnitBody,
} from '@union/contracts/units';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import * as service from './units.service.js';
import type { UnitLifecycleHooks } from './unit-moves.js';

export interface UnitsRoutesOptions {
  hooks: UnitLifecycleHooks;
  accountNames: service.AccountNames;
}

export const unitsRoutes: FastifyPluginAsyncZod<UnitsRoutesOptions> = async (
  app,
  { hooks, accountNames },
) => {
  const tags = ['units'];

  app.get(
    '/units/roots',
    { config: { permission: 'units.read' }, schema: { tags, response: { 200: z.array(UnitDto) } } },
    (request) => service.listRoots(app.db, actorOf(request)),
  );

  app.get(
    '/units',
    {
      config: { permission: 'units.read' },
      schema: { tags, querystring: UnitSearchQuery, response: { 200: UnitPage } },
    },
    (request) => service.search(app.db, actorOf(request), request.query),
  );

  app.post(
    '/units',
    {
      config: { permission: 'units.create' },
      schema: { tags, body: CreateUnitBody, response: { 201: UnitDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createUnit(app.db, actorOf(request), request.body)),
  );

  app.post(
    '/units/bulk-move',
    {
      config: { permission: 'units.move' },
      schema: { tags, body: BulkMoveUnitsBody, response: { 200: BulkMoveResultDto } },
    },
    (request) => service.bulkMoveUnits(app.db, actorOf(request), hooks, request.body),
  );

  app.get(
    '/units/:id',
    { config: { permission: 'units.read' }, schema: { tags, params: IdParams, response: { 200: UnitDto } } },
    (request) => service.getUnit(app.db, actorOf(request), request.params.id),
  );

  app.patch(
    '/units/:id',
    {
      config: { permission: 'units.update' },
      schema: { tags, params: IdParams, body: UpdateUnitBody, response: { 200: UnitDto } },
    },
    (request) => service.updateUnit(app.db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/units/:id/children',
    {
      config: { permission: 'units.read' },
      schema: { tags, params: IdParams, querystring: UnitChildrenQuery, response: { 200: UnitPage } },
    },
    (request) => service.listChildren(app.db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/units/:id/ancestors',
    {
      config: { permission: 'units.read' },
      schema: { tags, params: IdParams, response: { 200: z.array(UnitSummaryDto) } },
    },
    (request) => service.listAncestors(app.db, actorOf(request), request.params.id),
  );

  app.get(
    '/units/:id/history',
    {
      config: { permission: 'units.read' },
      schema: { tags, params: IdParams, response: { 200: z.array(UnitEventDto) } },
    },
    (request) => service.listHistory(app.db, actorOf(request), request.params.id, accountNames),
  );

  app.post(
    '/units/:id/move',
    {
      config: { permission: 'units.move' },
      schema: { tags, params: IdParams, body: MoveUnitBody, response: { 200: UnitDto } },
    },
    (request) => service.moveUnit(app.db, actorOf(request), hooks, request.params.id, request.body),
  );

  app.post(
    '/units/:id/merge',
    {
      config: { permission: 'units.move' },
      schema: { tags, params: IdParams, body: MergeUnitBody, response: { 200: UnitDto } },
    },
    (request) => service.mergeUnit(app.db, actorOf(request), hooks, request.params.id, request.body),
  );

  app.post(
    '/units/:id/dissolve',
    {
      config: { permission: 'units.dissolve' },
      schema: { tags, params: IdParams, body: DissolveUnitBody, response: { 200: UnitDto } },
    },
    (request) => service.dissolveUnit(app.db, actorOf(request), hooks, request.params.id, request.body),
  );
};
