-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "tagOrigin" TEXT;

