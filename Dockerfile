# Build: the same Maven wrapper as the README, then a small JRE image with the index built in.
# Temurin 25: the JDK the project is built, tested and measured on (bin/jvm.options, the benchmark).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
RUN groupadd --system app && useradd --system --gid app --uid 10001 --home /app app
WORKDIR /app
COPY --from=build /src/target/passage-search.jar app.jar
# The launcher holds the production JVM flags (bin/jvm.options), shared with bench/run.sh.
COPY bin bin
ENV PASSAGE_SEARCH_JAR=/app/app.jar
COPY corpus corpus
COPY index-config index-config
# Build the index into the image; serve finds it fresh and starts at once. The class-data archives and AOT
# caches that bin/passage-search keeps per command live in data/, which the app user may write. serve's AOT
# cache is made here too (serve --aot-training: the launcher trains and makes the cache, then the run with it
# trains once more and exits), so the container's first start is as fast as every other.
ENV PASSAGE_SEARCH_CDS_DIR=/app/data
# The embedding model's tokenizer unpacks its native library here (the app user's home is not writable);
# the build embeds every passage once, into the index and its vector cache.
ENV DJL_CACHE_DIR=/app/data/djl
# BUILD_INDEX=false leaves the embedded index out: an image that serves an OpenSearch cluster
# (PASSAGE_SEARCH_ENGINE=opensearch, deploy/compose.yaml) reads its generations from the cluster, and data/
# then holds only the start-up caches and the uploads of rebuilds. serve's AOT cache is trained on the
# embedded index, so only an image that builds one makes it; the other trains on its first start.
ARG BUILD_INDEX=true
RUN if [ "$BUILD_INDEX" = true ]; then bin/passage-search index && bin/passage-search serve --aot-training; fi \
  && mkdir -p /app/data && chown -R app:app /app/data
USER app
EXPOSE 7070
# The jar asks GET /health itself (exit 0 or 1): the JRE image has no curl. A small JVM, started fresh each time.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/app.jar", "health", "--port", "7070"]
ENTRYPOINT ["/app/bin/passage-search"]
CMD ["serve", "--port", "7070"]
