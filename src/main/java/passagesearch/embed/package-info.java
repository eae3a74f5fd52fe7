/**
 * Text to unit-length sentence-embedding vectors for semantic retrieval: {@link passagesearch.embed.Encoder}
 * runs a small quantised model ({@link passagesearch.embed.EncoderModel}) in process on the CPU with ONNX
 * Runtime and the Hugging Face tokenizer. The only room that imports ONNX Runtime ({@code ai.onnxruntime}),
 * the tokenizer ({@code ai.djl}) or langchain4j (whose model jars ship the model files); plain Java
 * otherwise: vectors leave as {@code float[]}. May import config, never Lucene, Javalin or the other rooms.
 */
package passagesearch.embed;
