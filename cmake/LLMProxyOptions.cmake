# SPDX-License-Identifier: GPL-3.0-or-later
# Compile options every target links through llmproxy_options (C++20, warnings, hardening, Qt defines).
add_library(llmproxy_options INTERFACE)
target_compile_features(llmproxy_options INTERFACE cxx_std_20)
target_compile_options(llmproxy_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
    -fstack-protector-strong)
target_compile_definitions(llmproxy_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH QT_NO_URL_CAST_FROM_STRING
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
target_include_directories(llmproxy_options INTERFACE ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
target_link_options(llmproxy_options INTERFACE -Wl,-z,relro,-z,now)
if(LLMPROXY_WERROR)
    target_compile_options(llmproxy_options INTERFACE -Werror)
endif()
if(LLMPROXY_SANITIZE)
    target_compile_options(llmproxy_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(llmproxy_options INTERFACE -fsanitize=address,undefined)
endif()
# Fuzzing (clang): every target of the project, llmproxy_core included, gets libFuzzer's coverage
# instrumentation and the sanitizers; the fuzz targets themselves add libFuzzer's main. Sanitizer
# reports abort, so that libFuzzer records them as findings.
if(LLMPROXY_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(llmproxy_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(llmproxy_options INTERFACE -fsanitize=address,undefined)
endif()

# llmproxy_add_test(NAME <name> SOURCES <files...> LABELS <labels...> [LIBS <libs...>])
# One Qt Test executable per test class, registered with ctest.
function(llmproxy_add_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;LABELS;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE llmproxy_options Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LLMPROXY_BINARY=$<TARGET_FILE:llmproxy>;LLMPROXY_MOCK_BINARY=$<TARGET_FILE:llmproxy-mock-upstream>;LLMPROXY_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
