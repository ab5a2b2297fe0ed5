-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "provenance" JSONB;

-- AlterTable
ALTER TABLE "RunEvent" ALTER COLUMN "raw" SET DATA TYPE JSON;
