# Build: the same Maven wrapper as the README, then a small JRE image with the index built in.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:21-jre
RUN groupadd --system app && useradd --system --gid app --uid 10001 --home /app app
WORKDIR /app
COPY --from=build /src/target/passage-search.jar app.jar
# The launcher holds the production JVM flags (bin/jvm.options), shared with bench/run.sh.
COPY bin bin
ENV PASSAGE_SEARCH_JAR=/app/app.jar
COPY corpus corpus
COPY index-config index-config
# Build the index into the image; serve finds it fresh and starts at once. The class-data archives that
# bin/passage-search keeps per command live in data/, which the app user may write.
ENV PASSAGE_SEARCH_CDS_DIR=/app/data
RUN bin/passage-search index && chown -R app:app /app/data
USER app
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD curl -fsS http://localhost:7070/health || exit 1
ENTRYPOINT ["/app/bin/passage-search"]
CMD ["serve", "--port", "7070"]
