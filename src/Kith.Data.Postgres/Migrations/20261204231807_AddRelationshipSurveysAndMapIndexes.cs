using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddRelationshipSurveysAndMapIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AsksWorksWith = table.Column<bool>(type: "boolean", nullable: false),
                    AsksAdvice = table.Column<bool>(type: "boolean", nullable: false),
                    AsksSharesInformation = table.Column<bool>(type: "boolean", nullable: false),
                    AsksStrength = table.Column<bool>(type: "boolean", nullable: false),
                    AsksEnergy = table.Column<bool>(type: "boolean", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreviousRoundId = table.Column<Guid>(type: "uuid", nullable: true),
                    RosterIsEveryone = table.Column<bool>(type: "boolean", nullable: false),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRecipients_RelationshipActors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "RelationshipActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyRecipients_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRosterActors",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRosterActors", x => new { x.RoundId, x.ActorId });
                    table.ForeignKey(
                        name: "FK_SurveyRosterActors_RelationshipActors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "RelationshipActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyRosterActors_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyViewers",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyViewers", x => new { x.RoundId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SurveyViewers_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipTies_LastModified",
                table: "RelationshipTies",
                column: "LastModified");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipActors_LastModified",
                table: "RelationshipActors",
                column: "LastModified");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRecipients_ActorId",
                table: "SurveyRecipients",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRecipients_RoundId_ActorId",
                table: "SurveyRecipients",
                columns: new[] { "RoundId", "ActorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRecipients_TokenHash",
                table: "SurveyRecipients",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRosterActors_ActorId",
                table: "SurveyRosterActors",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_PreviousRoundId",
                table: "SurveyRounds",
                column: "PreviousRoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyRecipients");

            migrationBuilder.DropTable(
                name: "SurveyRosterActors");

            migrationBuilder.DropTable(
                name: "SurveyViewers");

            migrationBuilder.DropTable(
                name: "SurveyRounds");

            migrationBuilder.DropIndex(
                name: "IX_RelationshipTies_LastModified",
                table: "RelationshipTies");

            migrationBuilder.DropIndex(
                name: "IX_RelationshipActors_LastModified",
                table: "RelationshipActors");
        }
    }
}
