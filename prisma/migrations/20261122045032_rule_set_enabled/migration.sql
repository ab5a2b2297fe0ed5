-- AlterTable
ALTER TABLE "RuleSet" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true;
