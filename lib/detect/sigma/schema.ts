import { z } from "zod";

const text = z.string().trim().min(1);
const textList = z.union([z.array(z.string()), z.string().transform((s) => [s])]);
const date = z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const logsourceSchema = z
  .object({
    product: z.string().optional(),
    category: z.string().optional(),
    service: z.string().optional(),
    definition: z.string().optional(),
  })
  .loose();

export const detectionSchema = z
  .object({ condition: z.union([text, z.array(text).min(1)]) })
  .catchall(z.unknown())
  .refine((d) => Object.keys(d).length > 1, "needs at least one selection besides 'condition'");

const meta = {
  title: text,
  id: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  description: z.string().optional(),
  author: z.string().optional(),
  date: date.optional(),
  modified: date.optional(),
  references: textList.optional(),
  tags: z.array(z.string()).optional().default([]),
  level: z.enum(["informational", "low", "medium", "high", "critical"]).optional(),
  falsepositives: textList.optional(),
  fields: z.array(z.string()).optional(),
  related: z.array(z.object({ id: z.string(), type: z.string() })).optional(),
  license: z.string().optional(),
  scope: z.array(z.string()).optional(),
  taxonomy: z.string().optional(),
};

export const ruleSchema = z
  .object({ ...meta, logsource: logsourceSchema, detection: detectionSchema })
  .loose();

const timespan = z
  .string()
  .regex(/^\d+[smhdMy]$/, "a timespan such as 30s, 5m, 1h, 1d")
  .transform((s) => {
    const n = Number(s.slice(0, -1));
    const unit = { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, M: 2.592e9, y: 3.1536e10 }[s.slice(-1)]!;
    return n * unit;
  });

const countCondition = z
  .object({
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    eq: z.number().optional(),
    field: z.string().optional(),
  })
  .refine((c) => ["gt", "gte", "lt", "lte", "eq"].some((k) => k in c), "needs one of gt, gte, lt, lte, eq");

export const correlationSchema = z
  .object({
    ...meta,
    correlation: z.object({
      type: z.enum(["event_count", "value_count", "temporal", "temporal_ordered"]),
      rules: z.union([z.array(z.string()).min(1), z.string().transform((s) => [s])]),
      "group-by": z.array(z.string()).optional().default([]),
      timespan,
      condition: countCondition.optional(),
      aliases: z.record(z.string(), z.record(z.string(), z.string())).optional(),
      generate: z.boolean().optional(),
    }),
  })
  .loose()
  .superRefine((doc, ctx) => {
    const c = doc.correlation;
    if ((c.type === "event_count" || c.type === "value_count") && !c.condition) {
      ctx.addIssue({
        code: "custom",
        path: ["correlation", "condition"],
        message: `${c.type} needs a condition`,
      });
    }
    if (c.type === "value_count" && !c.condition?.field) {
      ctx.addIssue({
        code: "custom",
        path: ["correlation", "condition", "field"],
        message: "value_count needs condition.field",
      });
    }
  });

export type RuleDoc = z.infer<typeof ruleSchema>;
export type CorrelationDoc = z.infer<typeof correlationSchema>;
export type CountCondition = z.infer<typeof countCondition>;
