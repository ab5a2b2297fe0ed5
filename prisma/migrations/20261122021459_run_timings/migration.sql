-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "timings" JSONB;
