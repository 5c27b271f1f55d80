// The vertex shader of an ISF file that comes without its own .vs.
void main() {
    isf_vertShaderInit();
}
